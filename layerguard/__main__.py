from layerguard.commands.cli import main

raise SystemExit(main())
