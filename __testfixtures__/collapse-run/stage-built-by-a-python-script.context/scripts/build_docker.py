#!/usr/bin/env python3
import subprocess
import sys

REPO = "example/superset"


def main(preset: str) -> None:
    if preset == "dev":
        build_target = "dev"
    else:
        build_target = "lean"
    subprocess.run(
        [
            "docker",
            "buildx",
            "build",
            "--push",
            "--target",
            build_target,
            "-t",
            f"{REPO}:{preset}",
            "-f",
            "stage-built-by-a-python-script.Dockerfile",
            ".",
        ],
        check=True,
    )


if __name__ == "__main__":
    main(sys.argv[1])
