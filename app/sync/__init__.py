"""The platform side: the edXML codec (QCVN 102:2016), the transport adapter to the provincial
platform's API, the transactional outbox and the inbox cursor.

The outbox/inbox engine knows nothing of HTTP paths; adapters do. No Qt here.
"""
