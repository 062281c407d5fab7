FROM centos:7
RUN useradd -m app && echo "created app
RUN useradd -l -m other && echo "created other
