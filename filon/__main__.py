"""`python -m filon …`, and the script `spark-submit` runs on a cluster's driver."""

from filon.cli import main

if __name__ == "__main__":
    main()
