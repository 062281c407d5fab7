FROM python:3.12
RUN pip install https://files.example.com/packages/foo-1.0-py3-none-any.whl
CMD ["python", "app.py"]
