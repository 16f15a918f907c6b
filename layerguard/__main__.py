from layerguard.cli import main

raise SystemExit(main())
