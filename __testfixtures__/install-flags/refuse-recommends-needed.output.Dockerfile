FROM ubuntu:22.04
RUN apt-get update && apt-get install -y python3-pip
RUN pip3 install --no-cache-dir -r requirements.txt
RUN apt-get install -y $EXTRA_PACKAGES
RUN curl -fsSL https://example.com/setup.sh | bash
