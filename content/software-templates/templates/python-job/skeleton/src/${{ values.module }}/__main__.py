"""Entry point of ${{ values.name }}: Airflow runs `python -m ${{ values.module }}`."""


def main() -> None:
    print("${{ values.name }}: nothing to do yet")


if __name__ == "__main__":
    main()
