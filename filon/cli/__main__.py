"""`python -m filon.cli`."""

from filon.cli import main

main()
