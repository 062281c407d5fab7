FROM debian:bookworm
RUN ["apt-get","install","-y","x"]
RUN ["/bin/sh", "-c", "pip install flask"]
RUN ["apt-get", "install", "-y", "--no-install-recommends", "x"]
RUN ["echo", "apt-get install"]
