FROM centos:7
RUN useradd -m -u 100000 app && echo "created app
RUN useradd -l -m other && echo "created other
