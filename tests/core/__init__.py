"""Unit tests of the domain (core/), with in-memory fakes of its ports."""
