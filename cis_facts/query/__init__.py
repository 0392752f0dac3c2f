"""Pure query functions: each takes the fact base and returns an ``Answer``."""
