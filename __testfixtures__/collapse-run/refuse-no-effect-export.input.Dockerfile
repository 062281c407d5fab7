FROM python:3.12-alpine
ENV VIRTUAL_ENV=/home/app/venv
WORKDIR /home/app
COPY requirements.txt .
RUN python -m venv $VIRTUAL_ENV
ENV PATH="$VIRTUAL_ENV/bin:$PATH"
RUN export FLASK_APP=app.py
RUN pip install --no-cache-dir -r requirements.txt
RUN pip install --no-cache-dir gunicorn
COPY . .
CMD ["gunicorn", "app:app"]
