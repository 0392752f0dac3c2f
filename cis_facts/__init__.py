"""cis-facts: a sourced fact base on the CIS and Kazakhstan's place in the world economy."""

__version__ = "0.1.0"
