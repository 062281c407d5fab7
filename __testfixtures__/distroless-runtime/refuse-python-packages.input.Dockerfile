FROM python:3.13-trixie AS build
RUN pip install --prefix=/install flask

FROM python:3.13-slim-trixie
COPY --from=build /install /usr/local
COPY app.py /app.py
CMD ["python", "/app.py"]
