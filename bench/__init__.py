"""Benchmarks that print numbers (not tests); see README.md."""
