FROM python:3.12
RUN pip install https://files.example.com/packages/foo-1.0.tar.gz
CMD ["python", "app.py"]
