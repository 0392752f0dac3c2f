"""Entry point for ``python -m cis_facts``."""

from cis_facts.entry import main

if __name__ == "__main__":
    main()
