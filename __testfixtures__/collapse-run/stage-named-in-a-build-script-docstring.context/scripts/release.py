"""Build and publish the service image.

The image the release ships is the Dockerfile's last stage. To look into a
problem on a running cluster, build the debugging image by hand:

    docker build -f stage-named-in-a-build-script-docstring.Dockerfile --target debug --push -t ghcr.io/example/service:debug .
"""
import subprocess
import sys

IMAGE = "ghcr.io/example/service"


def main(tag: str) -> None:
    """Builds the image, tags it with the release, and pushes it."""
    subprocess.run(["docker", "build", "-f", "stage-named-in-a-build-script-docstring.Dockerfile", "-t", f"{IMAGE}:{tag}", "."], check=True)
    subprocess.run(["docker", "push", f"{IMAGE}:{tag}"], check=True)


if __name__ == "__main__":
    main(sys.argv[1])
