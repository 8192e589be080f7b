"""Fixtures shared by several test packages (and the benchmarks): the loopback PKI servers."""
