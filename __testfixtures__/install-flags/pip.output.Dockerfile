FROM python:3.12-slim
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
RUN python3 -m pip install --no-cache-dir --upgrade pip
RUN pip3 install --no-cache-dir --upgrade pip setuptools wheel && /opt/venv/bin/pip install --no-cache-dir -e .
RUN python -m pip install --no-cache-dir gunicorn
RUN pip uninstall -y six && pip download --no-cache-dir -d /wheels flask && pipenv install --system
