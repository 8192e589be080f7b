"""Demo content made by code: a test PKI, signature and seal images, sample official documents.

Everything here exists for demonstrations, tests and the sandbox. None of it may ever be used for
real signing: the certificates chain to "VBĐT Demo Root CA", which is marked DEMO - KHÔNG DÙNG THẬT
and is not a trust anchor of any real deployment.
"""
