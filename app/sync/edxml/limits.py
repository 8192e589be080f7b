"""How much the reader accepts before it refuses: one frozen dataclass of hard limits.

The defaults let a 200 MB package through and stop anything that tries to cost more than a few
times its size on disk or a few megabytes of memory. Refusals name the field that was exceeded
(``PackageLimitExceeded.params["limit"]``). This module only holds numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

MiB = 1 << 20


@dataclass(frozen=True)
class Limits:
    max_package_bytes: int = 512 * MiB
    """The whole edXML document as received."""
    max_attachments: int = 100
    max_attachment_bytes: int = 256 * MiB
    """One attachment's file after decoding and unzipping."""
    max_total_bytes: int = 512 * MiB
    """All attachments' files together, after decoding and unzipping."""
    max_element_depth: int = 32
    """The edXML tree is at most ten deep, a Signature adds a few more."""
    max_elements: int = 20_000
    max_text_length: int = 100_000
    """Characters in one element's text; the base64 of an attachment is bounded by the sizes."""
    max_prolog_bytes: int = 64 * 1024
    """Bytes before the root element (XML declaration, comments)."""
    max_zip_entries: int = 8
    """Entries in an attachment's ZIP: exactly one file, plus folder entries some tools add."""
    max_compression_ratio: int = 250
    """Unpacked size over packed size (DEFLATE tops out near 1032); checked past the floor."""
    ratio_floor_bytes: int = 16 * MiB
    """Files this small are no bomb however well they compress (a blank scan, a text of spaces)."""
