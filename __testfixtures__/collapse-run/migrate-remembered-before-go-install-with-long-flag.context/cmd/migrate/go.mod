module example.com/migrate
