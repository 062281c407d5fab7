FROM python:3.12-alpine
WORKDIR /app
# python-ldap builds from source against OpenLDAP and Cyrus SASL
RUN apk add --no-cache gcc musl-dev openldap-dev cyrus-sasl-dev
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
