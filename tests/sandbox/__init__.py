"""Tests of the sandbox platform and of the HTTP transport, over real HTTP on 127.0.0.1."""
