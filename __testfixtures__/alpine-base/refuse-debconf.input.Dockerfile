FROM python:3.12-slim
RUN echo "tzdata tzdata/Areas select Europe" | debconf-set-selections
CMD ["python"]
