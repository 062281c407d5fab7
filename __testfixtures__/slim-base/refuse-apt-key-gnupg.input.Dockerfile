FROM python:3.12
COPY repo-key.asc /tmp/repo-key.asc
RUN apt-key add /tmp/repo-key.asc && echo "deb https://packages.example.com/debian stable main" > /etc/apt/sources.list.d/example.list
CMD ["python"]
