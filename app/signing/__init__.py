"""Digital signatures: USB tokens over PKCS#11, PAdES signing through pyhanko's ``Signer``,
Decree-30 appearances, timestamps, validation and the offline trust pack.

One thread owns each token; PINs come from a prompter interface and are never stored or logged.
No Qt and no database here: services decide what to sign and record the results.
"""
