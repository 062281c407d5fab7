FROM python:3.12-slim
WORKDIR /app
# pyserial talks to the printer the host passes in with --device.
RUN pip install --no-cache-dir flask pyserial
COPY app.py .
CMD ["python", "app.py"]
