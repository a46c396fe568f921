from ${{ values.module }}.__main__ import main


def test_main_runs() -> None:
    main()
