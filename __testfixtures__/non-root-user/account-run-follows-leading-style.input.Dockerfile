FROM registry.access.redhat.com/ubi9/ubi:9.4
# The file continues its RUNs with a leading &&: the account's RUN does too.
RUN dnf install -y python3 python3-pip \
  && dnf clean all
WORKDIR /opt/app
COPY requirements.txt app.py /opt/app/
EXPOSE 8080
CMD ["python3", "/opt/app/app.py"]
