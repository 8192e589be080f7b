"""Files on disk: the content-addressed store for PDFs and attachments, and atomic writes.

Everything here writes to a temporary file in the target folder, fsyncs it, then renames it into
place, so a crash or a full disk never leaves a half-written file under a real name. No database and
no Qt here: the store knows bytes and hashes, the services know what they mean.
"""
