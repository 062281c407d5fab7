FROM python:3.12-slim
WORKDIR /app
COPY requirements/ requirements/
RUN pip install --upgrade pip

# Install requirements first to leverage Docker layer caching
# Split into separate RUN commands to reduce memory pressure and improve layer caching
RUN pip install -r requirements/default.txt

RUN pip install -r requirements/test.txt

RUN pip install -r requirements/docs.txt

# Then the project itself, compiled ahead
COPY . .
RUN pip install --no-deps .
RUN python -m compileall -q .
CMD ["python", "-m", "app"]
