FROM debian:12
SHELL ["/bin/bash", "-c"]
CMD /opt/app/run PREFIX=~/data
