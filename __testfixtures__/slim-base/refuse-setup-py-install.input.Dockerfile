FROM python:3.12
WORKDIR /src
COPY . .
RUN python setup.py install
CMD ["python", "-m", "fastparse"]
