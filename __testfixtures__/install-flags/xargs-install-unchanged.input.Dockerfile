FROM debian:12
COPY pkgs /tmp/pkgs
# apt-get run by xargs is not read: its flags are left as written
RUN apt-get update && cat /tmp/pkgs | xargs apt-get install -y
CMD ["bash"]
