"""A reference provincial document platform: an HTTP server with its own database and file store,
for demos, training and tests (the HTTP API v1 of ``PLATFORM_API.md``; see ``docs/sandbox.md``).

It shares no code with the desktop client beyond the edXML codec (and the generic database and
file-store helpers), so it tests the client as a real peer would: it never imports
``app.services`` or ``app.sync.transport``. No Qt here.

Modules, outside in: ``cli`` (flags, signals), ``server`` (composition, lifecycle), ``handler``
(sockets, faults), ``api``/``admin`` (routes), ``auth``, ``intake`` (codec), ``ledger``/``accounts``
(queries), ``schema`` (tables), ``wire`` (envelope, errors), ``testing`` (pytest helper).
"""
