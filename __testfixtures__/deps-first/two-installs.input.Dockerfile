FROM nikolaik/python-nodejs:python3.12-nodejs20
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir -r requirements.txt
RUN npm ci
CMD ["python", "server.py"]
