FROM python:3.12-slim
WORKDIR /srv
COPY . .
RUN pip install -r requirements.txt -e .
CMD ["myapp"]
