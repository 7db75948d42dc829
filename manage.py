#!/usr/bin/env python
from motcua.cli import main

if __name__ == "__main__":
    main()
