"""The document view: the PDF, its facts, its signatures in plain words, its history, and the
workflow actions the signed-in person may take on it."""
