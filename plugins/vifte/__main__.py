from vifte.cli import main

raise SystemExit(main())
