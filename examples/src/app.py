print("hello from team/app")
