FROM python:3.12 AS base
RUN useradd -m app
USER app

FROM base
WORKDIR /home/app
RUN git clone https://github.com/example/tool.git
CMD ["python", "tool/main.py"]
