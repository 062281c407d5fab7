ui_config { enabled = true }
