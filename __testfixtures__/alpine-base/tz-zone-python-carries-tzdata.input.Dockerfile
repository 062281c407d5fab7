FROM python:3.12-slim
ENV TZ=Europe/Paris
RUN ln -snf /usr/share/zoneinfo/$TZ /etc/localtime
WORKDIR /app
COPY main.py ./
CMD ["python", "main.py"]
