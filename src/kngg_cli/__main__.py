from kngg_cli.cli import main

main()
