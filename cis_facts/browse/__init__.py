"""``cis-facts browse``: a full-screen terminal browser over the fact base.

Only the ``browse`` command imports this package; Textual is imported in ``app`` alone, so no
other command pays for it at start-up.
"""
