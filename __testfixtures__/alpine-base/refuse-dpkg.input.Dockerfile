FROM python:3.12-slim
COPY tool.deb /tmp/tool.deb
RUN dpkg -i /tmp/tool.deb
CMD ["python"]
