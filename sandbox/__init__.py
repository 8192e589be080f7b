"""A reference provincial document platform: an HTTP server with its own database and file store,
for demos, training and tests (filled by the platform issue).

It shares no code with the desktop client beyond the edXML codec, so it tests the client as a real
peer would. No Qt here.
"""
