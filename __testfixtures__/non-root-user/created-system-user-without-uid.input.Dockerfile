FROM python:3.12-slim

RUN groupadd -r saleor && useradd -r -g saleor saleor

WORKDIR /app
COPY . /app
RUN chown -R saleor:saleor /app

EXPOSE 8000
CMD ["uvicorn", "saleor.asgi:application", "--host=0.0.0.0", "--port=8000"]
