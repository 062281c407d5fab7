FROM python:3.12
WORKDIR /src
COPY ext.c .
RUN gcc -shared -o ext.so ext.c
CMD ["python", "-c", "import ctypes; ctypes.CDLL('./ext.so')"]
